package dev.apigeegke.provider.conformance;

import dev.apigeegke.provider.testing.ExchangeLog;
import dev.apigeegke.provider.testing.RecordedExchange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when a request its Apigee emulators received, or an answer they gave, does not conform to the
 * published description of the emulated platform; counts the operations used for the coverage line printed at the
 * end of the run. Every test class that starts an emulator must use it ({@code ApigeeEmulator.start} refuses
 * otherwise).
 */
public final class ConformanceExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceExtension.class);
    private static ConformanceJudge judge;

    /** Lets emulators start: what they receive from now on is judged. */
    @Override
    public void beforeAll(ExtensionContext context) {
        coverage(context);
        ExchangeLog.watch(true);
    }

    /** Judges every exchange of the test that just ran; fails it, naming each violation, if one does not conform. */
    @Override
    public void afterEach(ExtensionContext context) {
        judgeRecorded(context);
    }

    /** Judges what {@code @AfterAll} methods sent, then stops watching. */
    @Override
    public void afterAll(ExtensionContext context) {
        try {
            judgeRecorded(context);
        } finally {
            ExchangeLog.watch(false);
        }
    }

    private static void judgeRecorded(ExtensionContext context) {
        List<RecordedExchange> exchanges = ExchangeLog.drain();
        if (exchanges.isEmpty()) {
            return;
        }
        Coverage coverage = coverage(context);
        List<Verdict> failed = new ArrayList<>();
        for (RecordedExchange exchange : exchanges) {
            Verdict verdict = judge().judge(exchange);
            coverage.add(verdict);
            if (!verdict.conforms()) {
                failed.add(verdict);
            }
        }
        if (!failed.isEmpty()) {
            StringBuilder message = new StringBuilder().append(failed.size()).append(" of ").append(exchanges.size())
                    .append(" exchanges do not conform to the published Apigee API description:");
            failed.forEach(v -> message.append("\n  ").append(v.report()));
            throw new AssertionError(message.toString());
        }
    }

    private static synchronized ConformanceJudge judge() {
        if (judge == null) {
            judge = new ConformanceJudge(ApiDescriptions.get());
        }
        return judge;
    }

    /** The run's coverage, kept in the root store so it is closed (printed) once, when the run ends. */
    private static Coverage coverage(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Coverage.class, c -> new Coverage(), Coverage.class);
    }
}
