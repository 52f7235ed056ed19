package dev.apigeegke.preview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which earlier resource each resource of a plan is, as Pulumi's engine decides it: first by its own URN, then by
 * the former URNs its aliases resolve to. An alias names a former name, type, parent, project or stack (the rest as
 * now); a former parent that was itself found through an alias stands for the address it was found at; and a child
 * inherits its parent's former address, its name following the parent's rename when it starts with the parent's
 * name. URNs are the engine's: the stack's own type is not part of a type chain.
 */
public final class Aliases {
    private Aliases() {
    }

    /**
     * The earlier URN each resource of {@code now} takes over, among {@code earlier}: its own URN when it was
     * there, else the first former URN found; a resource found at neither is absent (it would be created anew).
     * An earlier URN goes to one resource only, and never away from the resource that still has it.
     */
    public static Map<String, String> match(List<Plan.Resource> now, Set<String> earlier) {
        var current = new HashSet<String>();
        now.forEach(r -> current.add(r.urn()));
        var claimed = new HashSet<String>();
        var formerOfMoved = new HashMap<String, String>();
        var found = new LinkedHashMap<String, String>();
        var ordered = new ArrayList<>(now);
        // The engine sees a parent before its children; by depth of the type chain is such an order.
        ordered.sort(Comparator.comparingInt(r -> typeOf(r.urn()).split("\\$").length));
        for (var r : ordered) {
            var candidates = new ArrayList<String>();
            candidates.add(r.urn());
            candidates.addAll(formerUrns(r, formerOfMoved));
            for (String candidate : candidates) {
                boolean othersStill = !candidate.equals(r.urn()) && current.contains(candidate);
                if (earlier.contains(candidate) && !othersStill && claimed.add(candidate)) {
                    found.put(r.urn(), candidate);
                    if (!candidate.equals(r.urn())) {
                        formerOfMoved.put(r.urn(), candidate);
                    }
                    break;
                }
            }
        }
        return found;
    }

    /** The URNs {@code r}'s aliases resolve to, then those its parent's former address gives it. */
    private static List<String> formerUrns(Plan.Resource r, Map<String, String> formerOfMoved) {
        var urns = new ArrayList<String>();
        for (var alias : r.aliases()) {
            urns.add(collapse(r, alias, formerOfMoved));
        }
        String parentFormer = r.parent() == null ? null : formerOfMoved.get(r.parent());
        if (parentFormer != null) {
            urns.add(inherited(r.type(), r.name(), nameOf(r.parent()), parentFormer));
            for (var alias : r.aliases()) {
                String collapsed = collapse(r, alias, formerOfMoved);
                String type = typeOf(collapsed);
                urns.add(inherited(type.substring(type.lastIndexOf('$') + 1), nameOf(collapsed), nameOf(r.parent()), parentFormer));
            }
        }
        return urns;
    }

    private static String collapse(Plan.Resource r, Plan.Alias alias, Map<String, String> formerOfMoved) {
        if (alias.urn() != null) {
            return alias.urn();
        }
        String name = alias.name() == null ? r.name() : alias.name();
        String type = alias.type() == null ? r.type() : alias.type();
        String parent = r.parent();
        if (alias.parent() != null) {
            parent = formerOfMoved.getOrDefault(alias.parent(), alias.parent());
        } else if (alias.noParent()) {
            parent = stackOf(r.urn());
        }
        String[] p = parts(r.urn());
        String stack = alias.stack() == null ? p[0].substring("urn:pulumi:".length()) : alias.stack();
        String project = alias.project() == null ? p[1] : alias.project();
        return "urn:pulumi:" + stack + "::" + project + "::" + TypeTokens.qualifiedType(parent, type) + "::" + name;
    }

    private static String inherited(String type, String name, String parentName, String parentFormer) {
        String formerName = name.startsWith(parentName) ? nameOf(parentFormer) + name.substring(parentName.length()) : name;
        String[] p = parts(parentFormer);
        return p[0] + "::" + p[1] + "::" + TypeTokens.qualifiedType(parentFormer, type) + "::" + formerName;
    }

    /** The stack resource of the stack {@code urn} is in. */
    private static String stackOf(String urn) {
        String[] p = parts(urn);
        return p[0] + "::" + p[1] + "::pulumi:pulumi:Stack::" + p[1] + "-" + p[0].substring("urn:pulumi:".length());
    }

    private static String[] parts(String urn) {
        return urn.split("::", 4);
    }

    private static String typeOf(String urn) {
        return parts(urn)[2];
    }

    private static String nameOf(String urn) {
        return parts(urn)[3];
    }
}
