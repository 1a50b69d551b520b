package org.poolact.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poolact.optim.lr.CosineAnnealingLR;
import org.poolact.optim.lr.LRScheduler;
import org.poolact.optim.lr.StepLR;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * SGD, Adam and AdamW with parameter groups, maximize, nesterov, dampening, amsgrad and per-group lr
 * schedulers against a second, independent PyTorch: trajectories computed by Debian's python3-torch
 * 1.13 with the committed script {@code gen_optim_fixtures.py} (next to {@code optim-torch.txt} in
 * test resources), float64, compared after every step to 1e-12. Each case also checks, after the
 * split step, our {@code stateDict()} against torch's {@code state_dict()} (structure and values), a
 * resume from our own state dicts (bit-identical to the uninterrupted run) and a resume from torch's
 * state dicts (matching torch's continuation).
 */
class OptimFixtureTest {
    private static final double TOL = 1e-12;
    private static final int STEPS = 8;
    private static final int SPLIT = 3;
    private static final Set<String> TORCH_ONLY = Set.of("foreach", "differentiable", "fused", "capturable");

    /** One case of the fixture file. */
    static final class Case {
        String name;
        String optimizer;
        Map<String, Object> defaults = new LinkedHashMap<>();
        List<int[]> groupParams = new ArrayList<>();
        List<Map<String, Object>> groupOptions = new ArrayList<>();
        String scheduler;
        Map<String, Object> schedulerArgs = new LinkedHashMap<>();
        List<int[]> shapes = new ArrayList<>();
        List<double[]> initial = new ArrayList<>();
        Map<String, double[]> grads = new LinkedHashMap<>(); // "t i" -> values, null for none
        Map<String, double[]> after = new LinkedHashMap<>();
        Map<Integer, double[]> lrs = new LinkedHashMap<>();
        List<Map<String, Object>> sdGroups = new ArrayList<>();
        Map<Integer, Map<String, double[]>> sdState = new LinkedHashMap<>();
        Map<String, Object> sdSched = new LinkedHashMap<>();

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = OptimFixtureTest.class.getResourceAsStream("optim-torch.txt")) {
            assertNotNull(in, "fixture optim-torch.txt missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Case c = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "case" -> {
                        c = new Case();
                        c.name = f[1];
                    }
                    case "optimizer" -> c.optimizer = f[1];
                    case "defaults" -> c.defaults = options(f, 1);
                    case "group" -> {
                        Map<String, Object> o = options(f, 2);
                        c.groupParams.add(ints((String) o.remove("params")));
                        c.groupOptions.add(o);
                    }
                    case "scheduler" -> {
                        c.scheduler = f[1];
                        c.schedulerArgs = options(f, 2);
                    }
                    case "param" -> {
                        c.shapes.add(ints(f[2]));
                        c.initial.add(nums(f[3]));
                    }
                    case "grad" -> c.grads.put(f[1] + " " + f[2], f[3].equals("none") ? null : nums(f[3]));
                    case "after" -> c.after.put(f[1] + " " + f[2], nums(f[3]));
                    case "lrs" -> c.lrs.put(Integer.parseInt(f[1]), nums(f[2]));
                    case "sd_group" -> c.sdGroups.add(options(f, 2));
                    case "sd_state" -> {
                        if (!f[3].equals("none")) {
                            c.sdState.computeIfAbsent(Integer.parseInt(f[1]), k -> new LinkedHashMap<>()).put(f[2], nums(f[3]));
                        }
                    }
                    case "sd_sched" -> c.sdSched = options(f, 1);
                    case "end" -> cases.add(c);
                    default -> fail("unknown fixture line " + line);
                }
            }
        }
        return cases;
    }

    /** key=value words as PyTorch values: True/False, None, numbers, comma lists (kept as text for params). */
    private static Map<String, Object> options(String[] f, int from) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = from; i < f.length; i++) {
            String k = f[i].substring(0, f[i].indexOf('='));
            String v = f[i].substring(f[i].indexOf('=') + 1);
            Object value;
            if (k.equals("params")) {
                value = v;
            } else if (v.equals("True") || v.equals("False")) {
                value = Boolean.valueOf(v.equals("True"));
            } else if (v.equals("None")) {
                value = null;
            } else if (v.contains(",") || k.equals("base_lrs") || k.equals("_last_lr")) {
                List<Double> l = new ArrayList<>();
                for (double d : nums(v)) {
                    l.add(d);
                }
                value = l;
            } else {
                value = Double.parseDouble(v);
            }
            m.put(k, value);
        }
        return m;
    }

    private static double[] nums(String csv) {
        return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    /** A run of one case: its parameters (fixture order), optimiser and scheduler. */
    private record Run(List<Tensor> params, Optimizer opt, LRScheduler sched) {
    }

    private static Run build(Case c, List<double[]> values) {
        List<Tensor> ps = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ps.add(Tensor.fromDoubles(values.get(i).clone(), DType.FLOAT64, c.shapes.get(i)).requiresGrad(true));
        }
        List<ParamGroup> groups = new ArrayList<>();
        for (int g = 0; g < c.groupParams.size(); g++) {
            List<Tensor> gp = new ArrayList<>();
            for (int i : c.groupParams.get(g)) {
                gp.add(ps.get(i));
            }
            ParamGroup pg = ParamGroup.of(gp);
            c.groupOptions.get(g).forEach(pg::set);
            groups.add(pg);
        }
        Optimizer opt = switch (c.optimizer) {
            case "SGD" -> new SGD(groups, SGD.Options.fromMap(merged(SGD.Options.lr(0).toMap(), c.defaults), ""));
            case "Adam" -> new Adam(groups, Adam.Options.fromMap("Adam", merged(Adam.Options.defaults().toMap(), c.defaults), ""));
            case "AdamW" -> new AdamW(groups, Adam.Options.fromMap("AdamW", merged(AdamW.defaults().toMap(), c.defaults), ""));
            default -> throw new AssertionError(c.optimizer);
        };
        Map<String, Object> a = c.schedulerArgs;
        LRScheduler sched = switch (c.scheduler) {
            case "none" -> null;
            case "StepLR" -> new StepLR(opt, (int) (double) a.get("step_size"), (double) a.get("gamma"));
            case "CosineAnnealingLR" -> new CosineAnnealingLR(opt, (int) (double) a.get("T_max"),
                    (double) a.getOrDefault("eta_min", 0.0));
            default -> throw new AssertionError(c.scheduler);
        };
        return new Run(ps, opt, sched);
    }

    private static Map<String, Object> merged(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.putAll(over);
        return m;
    }

    /** One step t of the case on {@code run}: gradients from the fixture, optimizer.step(), scheduler.step(). */
    private static void step(Case c, Run run, int t) {
        for (int i = 0; i < run.params().size(); i++) {
            double[] g = c.grads.get(t + " " + i);
            Tensor p = run.params().get(i);
            p.setGrad(g == null ? null : Tensor.fromDoubles(g.clone(), DType.FLOAT64, p.shape()));
        }
        run.opt().step();
        if (run.sched() != null) {
            run.sched().step();
        }
    }

    private static void assertValues(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": size");
        for (int i = 0; i < expected.length; i++) {
            double err = Math.abs(expected[i] - actual[i]);
            if (!(err <= TOL * Math.max(1, Math.abs(expected[i])))) {
                fail(what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i] + " (error " + err + ")");
            }
        }
    }

    private static void checkStep(Case c, Run run, int t, String what) {
        for (int i = 0; i < run.params().size(); i++) {
            assertValues(c.name + " " + what + " step " + t + " param " + i, c.after.get(t + " " + i),
                    run.params().get(i).toDoubleArray());
        }
        double[] lrs = run.opt().paramGroups().stream().mapToDouble(ParamGroup::lr).toArray();
        assertValues(c.name + " " + what + " lrs after step " + t, c.lrs.get(t), lrs);
    }

    private static List<double[]> valuesAfter(Case c, int t) {
        List<double[]> v = new ArrayList<>();
        for (int i = 0; i < c.shapes.size(); i++) {
            v.add(c.after.get(t + " " + i));
        }
        return v;
    }

    /** Our state dicts must have torch's structure and values (PyTorch-only switches aside). */
    private static void checkStateDicts(Case c, Run run) {
        Optimizer.StateDict sd = run.opt().stateDict();
        assertEquals(c.sdGroups.size(), sd.paramGroups().size(), c.name + " groups");
        for (int g = 0; g < c.sdGroups.size(); g++) {
            Map<String, Object> torch = new LinkedHashMap<>(c.sdGroups.get(g));
            TORCH_ONLY.forEach(torch::remove);
            Map<String, Object> ours = sd.paramGroups().get(g);
            assertEquals(torch.keySet(), ours.keySet(), c.name + " group " + g + " keys");
            for (Map.Entry<String, Object> e : torch.entrySet()) {
                Object expected = e.getKey().equals("params")
                        ? Arrays.stream(ints((String) e.getValue())).boxed().toList() : e.getValue();
                if (expected instanceof Double d) {
                    assertValues(c.name + " group " + g + " " + e.getKey(), new double[] {d},
                            new double[] {(Double) ours.get(e.getKey())});
                } else {
                    assertEquals(expected, ours.get(e.getKey()), c.name + " group " + g + " " + e.getKey());
                }
            }
        }
        assertEquals(c.sdState.keySet(), sd.state().keySet(), c.name + " state indices");
        for (Map.Entry<Integer, Map<String, double[]>> e : c.sdState.entrySet()) {
            Map<String, Tensor> ours = sd.state().get(e.getKey());
            assertEquals(e.getValue().keySet(), ours.keySet(), c.name + " state " + e.getKey() + " keys");
            e.getValue().forEach((k, v) -> assertValues(c.name + " state " + e.getKey() + " " + k, v,
                    ours.get(k).toDoubleArray()));
        }
        if (run.sched() != null) {
            Map<String, Object> ours = run.sched().stateDict();
            for (Map.Entry<String, Object> e : c.sdSched.entrySet()) {
                Object o = ours.get(e.getKey());
                assertNotNull(o, c.name + " scheduler state has " + e.getKey());
                if (e.getValue() instanceof List<?> l) {
                    assertValues(c.name + " scheduler " + e.getKey(), l.stream().mapToDouble(x -> (Double) x).toArray(),
                            ((List<?>) o).stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray());
                } else {
                    assertEquals((Double) e.getValue(), ((Number) o).doubleValue(), TOL, c.name + " scheduler " + e.getKey());
                }
            }
        }
    }

    /** Torch's state dict of the case, as our record (tensors float64 like the params, step float32 as torch's). */
    private static Optimizer.StateDict torchStateDict(Case c, Run fresh) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Map<String, Object> g : c.sdGroups) {
            Map<String, Object> m = new LinkedHashMap<>(g);
            m.put("params", Arrays.stream(ints((String) g.get("params"))).boxed().toList());
            groups.add(m);
        }
        List<Tensor> ordered = fresh.opt().params();
        Map<Integer, Map<String, Tensor>> state = new LinkedHashMap<>();
        c.sdState.forEach((i, st) -> {
            Map<String, Tensor> m = new LinkedHashMap<>();
            st.forEach((k, v) -> m.put(k, k.equals("step") ? Tensor.scalar(v[0])
                    : Tensor.fromDoubles(v.clone(), DType.FLOAT64, ordered.get(i).shape())));
            state.put(i, m);
        });
        return new Optimizer.StateDict(state, groups);
    }

    @Test
    void fixtureHasEveryCase() throws IOException {
        List<Case> cases = cases();
        assertEquals(15, cases.size(), "fixture cases");
        for (Case c : cases) {
            assertEquals(STEPS, c.lrs.size(), c.name + " steps");
            assertEquals(c.groupParams.size(), c.sdGroups.size(), c.name + " state dict groups");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trajectoryStateDictsAndResumesMatchTorch(Case c) {
        Run run = build(c, c.initial);
        Run resumed = null;
        Run fromTorch = null;
        for (int t = 1; t <= STEPS; t++) {
            step(c, run, t);
            checkStep(c, run, t, "uninterrupted");
            if (resumed != null) {
                step(c, resumed, t);
                step(c, fromTorch, t);
                for (int i = 0; i < run.params().size(); i++) {
                    assertTrue(run.params().get(i).equalTo(resumed.params().get(i)),
                            c.name + " resumed from our state dict, step " + t + " param " + i + ": not bit-identical");
                }
                checkStep(c, fromTorch, t, "resumed from torch's state dict");
            }
            if (t == SPLIT) {
                checkStateDicts(c, run);
                List<double[]> now = new ArrayList<>();
                run.params().forEach(p -> now.add(p.toDoubleArray()));
                resumed = build(c, now);
                resumed.opt().loadStateDict(run.opt().stateDict());
                if (resumed.sched() != null) {
                    resumed.sched().loadStateDict(run.sched().stateDict());
                }
                fromTorch = build(c, valuesAfter(c, SPLIT));
                fromTorch.opt().loadStateDict(torchStateDict(c, fromTorch));
                if (fromTorch.sched() != null) {
                    fromTorch.sched().loadStateDict(c.sdSched);
                }
            }
        }
    }
}
