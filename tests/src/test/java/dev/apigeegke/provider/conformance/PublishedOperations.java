package dev.apigeegke.provider.conformance;

import dev.apigeegke.provider.api.ApigeePlatform;
import dev.apigeegke.provider.testing.RecordedRequest;

/** Names the published operation a request calls, as the conformance judge finds it, for counting calls. */
public final class PublishedOperations {
    private PublishedOperations() {
    }

    /**
     * The id of the operation {@code request} calls in {@code platform}'s description ({@code createAPIProxy},
     * {@code apigee.organizations.apis.create}), or {@code "unpublished"} when it calls none.
     */
    public static String idOf(ApigeePlatform platform, RecordedRequest request) {
        var match = ConformanceJudge.match(ApiDescriptions.get().operations(platform), request.method(), request.path());
        return match == null ? "unpublished" : match.operation().id();
    }
}
