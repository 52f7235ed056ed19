package dev.apigeegke.cli.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apigeegke.preview.Plan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The list prices of one region, read from {@code gcp-list-prices.json}, and what a plan costs at them. */
public record Prices(JsonNode json) {
    /** What a cost line pays for. */
    enum Item { NODES, LOAD_BALANCER, STATIC_IP, CLOUD_ARMOR, CLUSTER_FEE }

    /** One cost line, USD per month; {@code usd} is NaN when the price table has no price for it. */
    record CostLine(Item kind, String item, double usd) {
    }

    /** The prices the command line ships with. */
    public static Prices load() {
        try (InputStream in = Prices.class.getResourceAsStream("/gcp-list-prices.json")) {
            return new Prices(new ObjectMapper().readTree(Objects.requireNonNull(in, "gcp-list-prices.json missing")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double hoursPerMonth() {
        return json.path("hoursPerMonth").asDouble(730);
    }

    /** Hourly price of a machine from its family's per-vCPU and per-GiB rates; NaN when the family is not listed. */
    double machineHour(Machine m) {
        JsonNode family = json.path("machineFamilies").path(m.type().substring(0, m.type().indexOf('-')));
        if (family.isMissingNode()) {
            return Double.NaN;
        }
        return m.vcpu() * family.path("vcpuHour").asDouble() + m.memoryGib() * family.path("memoryGibHour").asDouble();
    }

    double get(String key) {
        return json.path(key).asDouble(Double.NaN);
    }

    String header() {
        return json.path("region").asText() + " list prices of " + json.path("date").asText() + ", "
                + json.path("currency").asText("USD") + " — " + json.path("note").asText();
    }

    /** The monthly cost of {@code nodes} nodes of {@code machine} and of the plan's load balancers, IPs, policies, clusters. */
    List<CostLine> costs(Plan plan, Machine machine, long nodes) {
        double hours = hoursPerMonth();
        var lines = new ArrayList<CostLine>();
        String type = machine == null ? "unknown machine" : machine.type();
        lines.add(new CostLine(Item.NODES, nodes + " × " + type + " node", machine == null ? Double.NaN : nodes * machineHour(machine) * hours));
        int ingresses = plan.ofType(PlanReader.INGRESS).size();
        if (ingresses > 0) {
            lines.add(new CostLine(Item.LOAD_BALANCER, ingresses + " load balancer forwarding rule", ingresses * get("forwardingRuleHour") * hours));
        }
        int addresses = plan.ofType(PlanReader.GLOBAL_ADDRESS).size();
        if (addresses > 0) {
            lines.add(new CostLine(Item.STATIC_IP, addresses + " static IP (in use)", addresses * get("staticIpInUseHour") * hours));
        }
        var policies = plan.ofType(PlanReader.SECURITY_POLICY);
        if (!policies.isEmpty()) {
            int rules = policies.stream().mapToInt(p -> PlanReader.list(p.inputs().get("rules")).size()).sum();
            lines.add(new CostLine(Item.CLOUD_ARMOR, policies.size() + " Cloud Armor policy, " + rules + " rules",
                    policies.size() * get("cloudArmorPolicyMonth") + rules * get("cloudArmorRuleMonth")));
        }
        int clusters = plan.ofType(PlanReader.CLUSTER).size();
        if (clusters > 0) {
            lines.add(new CostLine(Item.CLUSTER_FEE, clusters + " GKE cluster management fee", clusters * get("gkeClusterManagementHour") * hours));
        }
        return lines;
    }
}
