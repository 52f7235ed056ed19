package dev.apigeegke.bench;

/** How a benchmarked program declares its resources. */
public enum Variant {
    /** The pattern's own program, built from this library's components. */
    COMPONENTS,
    /** A plain program declaring the same cloud and Kubernetes resources directly, without components. */
    BASELINE,
    /**
     * The baseline plus as many empty component resources as the components program registers: what the SDK
     * charges for component resources as such, without any of the library's code.
     */
    CONTROL;

    /** The name used in results files. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
