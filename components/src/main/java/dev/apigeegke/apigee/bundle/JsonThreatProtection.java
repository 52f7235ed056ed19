package dev.apigeegke.apigee.bundle;

import dev.apigeegke.core.Problems;
import java.util.Objects;

/**
 * Rejects JSON request bodies built to exhaust parsers ({@code <JSONThreatProtection>}): too deep, too
 * many entries, too long names or strings. Its steps run only when the request has a body.
 */
public final class JsonThreatProtection extends PolicyBase implements Policy {
    /** The name unless {@link #withName} changes it. */
    public static final String DEFAULT_NAME = "JTP-json";
    /** Default nesting depth of objects and arrays. */
    public static final int DEFAULT_CONTAINER_DEPTH = 10;
    /** Default number of elements in one array. */
    public static final int DEFAULT_ARRAY_ELEMENT_COUNT = 500;
    /** Default number of entries in one object. */
    public static final int DEFAULT_OBJECT_ENTRY_COUNT = 100;
    /** Default length of an object entry's name. */
    public static final int DEFAULT_OBJECT_ENTRY_NAME_LENGTH = 100;
    /** Default length of a string value. */
    public static final int DEFAULT_STRING_VALUE_LENGTH = 10_000;

    private final int containerDepth;
    private final int arrayElementCount;
    private final int objectEntryCount;
    private final int objectEntryNameLength;
    private final int stringValueLength;

    private JsonThreatProtection(String name, int containerDepth, int arrayElementCount, int objectEntryCount,
                                 int objectEntryNameLength, int stringValueLength) {
        super(name);
        this.containerDepth = containerDepth;
        this.arrayElementCount = arrayElementCount;
        this.objectEntryCount = objectEntryCount;
        this.objectEntryNameLength = objectEntryNameLength;
        this.stringValueLength = stringValueLength;
    }

    /**
     * Limits generous enough for ordinary API payloads: depth 10, 500 array elements, 100 object entries,
     * names of 100 and strings of 10,000 characters.
     */
    public static JsonThreatProtection defaults() {
        return new JsonThreatProtection(DEFAULT_NAME, DEFAULT_CONTAINER_DEPTH, DEFAULT_ARRAY_ELEMENT_COUNT,
                DEFAULT_OBJECT_ENTRY_COUNT, DEFAULT_OBJECT_ENTRY_NAME_LENGTH, DEFAULT_STRING_VALUE_LENGTH);
    }

    @Override
    public JsonThreatProtection withName(String name) {
        return new JsonThreatProtection(name, containerDepth, arrayElementCount, objectEntryCount, objectEntryNameLength,
                stringValueLength);
    }

    /** The deepest nesting of objects and arrays allowed. */
    public JsonThreatProtection containerDepth(int depth) {
        return new JsonThreatProtection(name(), depth, arrayElementCount, objectEntryCount, objectEntryNameLength,
                stringValueLength);
    }

    /** The most elements one array may have. */
    public JsonThreatProtection arrayElementCount(int count) {
        return new JsonThreatProtection(name(), containerDepth, count, objectEntryCount, objectEntryNameLength,
                stringValueLength);
    }

    /** The most entries one object may have. */
    public JsonThreatProtection objectEntryCount(int count) {
        return new JsonThreatProtection(name(), containerDepth, arrayElementCount, count, objectEntryNameLength,
                stringValueLength);
    }

    /** The longest name an object entry may have. */
    public JsonThreatProtection objectEntryNameLength(int length) {
        return new JsonThreatProtection(name(), containerDepth, arrayElementCount, objectEntryCount, length,
                stringValueLength);
    }

    /** The longest string value allowed. */
    public JsonThreatProtection stringValueLength(int length) {
        return new JsonThreatProtection(name(), containerDepth, arrayElementCount, objectEntryCount, objectEntryNameLength,
                length);
    }

    /** The deepest nesting of objects and arrays allowed. */
    public int containerDepth() {
        return containerDepth;
    }

    /** The most elements allowed in one array. */
    public int arrayElementCount() {
        return arrayElementCount;
    }

    /** The most entries allowed in one object. */
    public int objectEntryCount() {
        return objectEntryCount;
    }

    /** The longest object entry name allowed. */
    public int objectEntryNameLength() {
        return objectEntryNameLength;
    }

    /** The longest string value allowed. */
    public int stringValueLength() {
        return stringValueLength;
    }

    @Override
    public void validate(Problems problems, String argument) {
        Rules.checkPolicyName(problems, argument + ".name", name());
        checkLimit(problems, argument + ".containerDepth", containerDepth);
        checkLimit(problems, argument + ".arrayElementCount", arrayElementCount);
        checkLimit(problems, argument + ".objectEntryCount", objectEntryCount);
        checkLimit(problems, argument + ".objectEntryNameLength", objectEntryNameLength);
        checkLimit(problems, argument + ".stringValueLength", stringValueLength);
    }

    private static void checkLimit(Problems problems, String argument, int limit) {
        problems.check(limit >= 1, argument, limit,
                "a limit of at least 1: this policy keeps every check on; raise the limit if real payloads exceed it");
    }

    @Override
    XmlElement toXml() {
        return root("JSONThreatProtection")
                .leaf("ArrayElementCount", arrayElementCount)
                .leaf("ContainerDepth", containerDepth)
                .leaf("ObjectEntryCount", objectEntryCount)
                .leaf("ObjectEntryNameLength", objectEntryNameLength)
                .leaf("Source", "request")
                .leaf("StringValueLength", stringValueLength);
    }

    /** Requests without a body have nothing to check (apigeelint ST006 asks for this guard). */
    @Override
    String stepCondition() {
        return "request.content != null";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonThreatProtection that && Objects.equals(name(), that.name())
                && containerDepth == that.containerDepth && arrayElementCount == that.arrayElementCount
                && objectEntryCount == that.objectEntryCount && objectEntryNameLength == that.objectEntryNameLength
                && stringValueLength == that.stringValueLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name(), containerDepth, arrayElementCount, objectEntryCount, objectEntryNameLength,
                stringValueLength);
    }

    @Override
    public String toString() {
        return "JsonThreatProtection[name=" + name() + ", containerDepth=" + containerDepth + ", arrayElementCount="
                + arrayElementCount + ", objectEntryCount=" + objectEntryCount + ", objectEntryNameLength="
                + objectEntryNameLength + ", stringValueLength=" + stringValueLength + "]";
    }
}
