package dev.apigeegke.workload;

import dev.apigeegke.core.Problems;
import java.util.regex.Pattern;

/** Container image references must be pinned: a version tag other than {@code latest}, or a digest. */
public final class Images {
    private static final Pattern DIGEST = Pattern.compile(".+@sha256:[0-9a-f]{64}");
    private static final Pattern TAGGED = Pattern.compile("[a-z0-9][a-z0-9._/:-]*[a-z0-9]:([A-Za-z0-9_][A-Za-z0-9._-]{0,127})");

    private Images() {
    }

    /** Records a problem under {@code argument} when {@code image} is not pinned. */
    public static void checkPinned(Problems problems, String argument, String image) {
        if (image == null || image.isBlank()) {
            problems.add(argument, image, "give a container image pinned to a version, e.g. us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0");
            return;
        }
        if (DIGEST.matcher(image).matches()) {
            return;
        }
        var tagged = TAGGED.matcher(image);
        if (!tagged.matches() || image.substring(image.lastIndexOf('/') + 1).indexOf(':') < 0) {
            problems.add(argument, image, "pin the image to a version tag (name:1.2.3) or a digest (name@sha256:...); an untagged image runs whatever the registry tags latest");
        } else if (tagged.group(1).equals("latest")) {
            problems.add(argument, image, "':latest' is not pinned: a redeploy could run a different image; use a version tag or a digest");
        }
    }
}
