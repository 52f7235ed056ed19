package dev.apigeegke.plugin;

import io.grpc.BindableService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * How a {@code pulumi-resource-<name>} plugin of this project runs: the engine starts it with its own address as the
 * argument, reads the plugin's port from the first line of stdout, and talks gRPC to it. The plugin serves until the
 * engine goes away (the engine process exits, or its address stops answering) or it is sent SIGTERM.
 */
public final class PluginMain {
    /** Consecutive failed probes of the engine's address before the plugin stops. */
    private static final int ENGINE_PROBE_FAILURES = 3;

    private PluginMain() {
    }

    /**
     * Serves {@code provider} as plugin {@code name} until the engine goes away, then exits; {@code args} are the
     * engine's address and possibly flags such as {@code --logtostderr}.
     */
    public static void serve(String name, BindableService provider, String[] args) throws IOException, InterruptedException {
        var engine = engineAddress(name, args);
        var server = PluginServer.start(provider);
        // The engine reads exactly this line; everything else goes to stderr.
        System.out.println(server.port());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, name + "-shutdown"));
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(server::shutdown));
        engine.ifPresent(address -> watch(name, address, server));
        server.awaitTermination();
        System.exit(0);
    }

    /** The first argument that is not a flag: the engine's {@code host:port}. */
    public static Optional<InetSocketAddress> engineAddress(String name, String[] args) {
        for (var arg : args) {
            if (arg.startsWith("-")) {
                continue;
            }
            int colon = arg.lastIndexOf(':');
            if (colon > 0) {
                try {
                    var host = arg.substring(0, colon).replace("[", "").replace("]", "");
                    return Optional.of(new InetSocketAddress(host, Integer.parseInt(arg.substring(colon + 1))));
                } catch (IllegalArgumentException e) {
                    System.err.println(name + ": ignoring engine address \"" + arg + "\": " + e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    /** Stops the server once the engine's address has refused connections a few times in a row. */
    private static void watch(String name, InetSocketAddress engine, PluginServer server) {
        var failures = new int[1];
        var timer = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, name + "-engine-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try (var socket = new Socket()) {
                socket.connect(engine, 2000);
                failures[0] = 0;
            } catch (IOException e) {
                if (++failures[0] >= ENGINE_PROBE_FAILURES) {
                    System.err.println(name + ": the engine at " + engine + " is gone; stopping");
                    timer.shutdown();
                    server.shutdown();
                }
            }
        }, 2, 2, TimeUnit.SECONDS);
    }
}
