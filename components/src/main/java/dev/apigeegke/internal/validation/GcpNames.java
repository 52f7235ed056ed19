package dev.apigeegke.internal.validation;

import dev.apigeegke.core.Problems;
import java.util.regex.Pattern;

/**
 * Google Cloud's own names: project ids, regions, zones and the names of Compute Engine resources (networks,
 * subnetworks). Every component that takes one checks it here, so one value gets one rule and one message.
 *
 * <p>Sources: "Creating and managing projects" (a project id is 6 to 30 lowercase letters, digits or hyphens,
 * starts with a letter and does not end with a hyphen) and Compute Engine's resource naming convention
 * (RFC 1035: 1 to 63 characters, {@code [a-z]([-a-z0-9]*[a-z0-9])?}); regions and zones as Compute Engine lists them
 * ({@code europe-west1}, {@code europe-west1-b}). Checked on December 1, 2026.
 */
public final class GcpNames {
    private static final int PROJECT_MIN = 6;
    private static final int PROJECT_MAX = 30;
    private static final int RESOURCE_MAX = 63;
    private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+\\d+");
    private static final Pattern ZONE = Pattern.compile("[a-z]+-[a-z]+\\d+-[a-z]");
    private static final Pattern RESOURCE = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern NETWORK_LINK =
            Pattern.compile("(https://www\\.googleapis\\.com/compute/v1/)?projects/[^/]+/global/networks/([^/]+)");

    private GcpNames() {
    }

    /** What is wrong with {@code project} as a GCP project id, or null when it is one. */
    public static String projectProblem(String project) {
        if (project == null || project.isEmpty()) {
            return "give the GCP project id, e.g. my-project-123";
        }
        String rule = "a project id is " + PROJECT_MIN + " to " + PROJECT_MAX
                + " lowercase letters, digits and '-', starting with a letter and not ending with '-'";
        if (project.length() < PROJECT_MIN || project.length() > PROJECT_MAX) {
            return "is " + project.length() + " characters: " + rule;
        }
        if (!project.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
            return (project.chars().anyMatch(Character::isUpperCase) ? "has capitals: " : "has characters other than letters, digits and '-': ")
                    + rule + " (give the id, not the display name)";
        }
        if (!Character.isLetter(project.charAt(0))) {
            return "starts with '" + project.charAt(0) + "': " + rule;
        }
        if (project.endsWith("-")) {
            return "ends with '-': " + rule;
        }
        return null;
    }

    /** Records a problem under {@code argument} unless {@code project} is a GCP project id. */
    public static void checkProject(Problems problems, String argument, String project) {
        String problem = projectProblem(project);
        if (problem != null) {
            problems.add(argument, project, problem);
        }
    }

    /** Whether {@code value} is a region name such as {@code europe-west1}. */
    public static boolean isRegion(String value) {
        return value != null && REGION.matcher(value).matches();
    }

    /** Whether {@code value} is a zone name such as {@code europe-west1-b}. */
    public static boolean isZone(String value) {
        return value != null && ZONE.matcher(value).matches();
    }

    /** The region of a zone: {@code europe-west1} for {@code europe-west1-b}. */
    public static String regionOf(String zone) {
        return zone.substring(0, zone.lastIndexOf('-'));
    }

    /** Records a problem under {@code argument} unless {@code region} is a region name; {@code what} says what it is for. */
    public static void checkRegion(Problems problems, String argument, String region, String what) {
        problems.check(isRegion(region), argument, region, what + ": a region such as europe-west1"
                + (isZone(region) ? " (this is a zone of " + regionOf(region) + ")" : ""));
    }

    /** Whether {@code value} names a Compute Engine resource (RFC 1035, at most 63 characters). */
    public static boolean isResourceName(String value) {
        return value != null && value.length() <= RESOURCE_MAX && RESOURCE.matcher(value).matches();
    }

    /** Whether {@code value} is a VPC network: its name, or its self link {@code projects/P/global/networks/NAME}. */
    public static boolean isNetwork(String value) {
        if (value == null) {
            return false;
        }
        var link = NETWORK_LINK.matcher(value);
        return isResourceName(link.matches() ? link.group(2) : value);
    }
}
