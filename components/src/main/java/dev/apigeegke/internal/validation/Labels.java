package dev.apigeegke.internal.validation;

import dev.apigeegke.core.Problems;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two label rule sets a GKE cluster meets. GCP resource labels (on the cluster, for billing and
 * inventory) and Kubernetes labels (on Node objects, for scheduling) are different things with different
 * rules: a Kubernetes key may carry a DNS prefix, dots and capitals, none of which GCP accepts.
 */
public final class Labels {
    /** GCP: a key starts with a lowercase letter; keys and values use lowercase letters, digits, '_' and '-'. */
    private static final Pattern GCP_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern GCP_VALUE = Pattern.compile("[a-z0-9_-]{0,63}");
    /** Kubernetes: the name part of a key, and a value (which may also be empty). */
    private static final Pattern K8S_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final int K8S_PREFIX_MAX = 253;
    private static final Pattern K8S_PREFIX =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private Labels() {
    }

    /** Records a problem, named {@code argument[key]}, for each entry that is not a valid GCP resource label. */
    public static void checkGcp(Problems problems, String argument, Map<String, String> labels) {
        labels.forEach((key, value) -> {
            if (key == null || !GCP_KEY.matcher(key).matches()) {
                problems.add(argument + "[" + key + "]", key, "a GCP label key: 1 to 63 lowercase letters, digits, '_' and '-', "
                        + "starting with a lowercase letter");
            }
            if (value == null || !GCP_VALUE.matcher(value).matches()) {
                problems.add(argument + "[" + key + "]", value, "a GCP label value: at most 63 lowercase letters, digits, '_' and '-' "
                        + "(may be empty; no capitals, dots or '/')");
            }
        });
    }

    /** Records a problem, named {@code argument[key]}, for each entry that is not a valid Kubernetes label. */
    public static void checkKubernetes(Problems problems, String argument, Map<String, String> labels) {
        labels.forEach((key, value) -> {
            if (!kubernetesKey(key)) {
                problems.add(argument + "[" + key + "]", key, "a Kubernetes label key: an optional DNS subdomain prefix and '/', "
                        + "then 1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
            }
            if (value == null || !value.isEmpty() && !K8S_NAME.matcher(value).matches()) {
                problems.add(argument + "[" + key + "]", value, "a Kubernetes label value: at most 63 letters, digits, '-', '_' or '.', "
                        + "starting and ending with a letter or digit (may be empty)");
            }
        });
    }

    private static boolean kubernetesKey(String key) {
        if (key == null) {
            return false;
        }
        int slash = key.indexOf('/');
        if (slash < 0) {
            return K8S_NAME.matcher(key).matches();
        }
        String prefix = key.substring(0, slash);
        return prefix.length() <= K8S_PREFIX_MAX && K8S_PREFIX.matcher(prefix).matches()
                && K8S_NAME.matcher(key.substring(slash + 1)).matches();
    }
}
