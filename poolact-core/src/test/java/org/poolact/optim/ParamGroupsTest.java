package org.poolact.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.poolact.optim.lr.StepLR;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/** Parameter groups, zero_grad and state-dict handling: PyTorch's behaviour and our argument checks. */
class ParamGroupsTest {

    private static Tensor param(double... values) {
        return Tensor.fromDoubles(values, DType.FLOAT64, values.length).requiresGrad(true);
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void groupOptionsOverrideDefaultsAndAreFilledFromThem() {
        Tensor w = param(1, 2);
        Tensor b = param(3);
        SGD sgd = new SGD(List.of(ParamGroup.of(List.of(w)), ParamGroup.of(List.of(b)).lr(0.01).weightDecay(0.1)),
                SGD.Options.lr(0.1).withMomentum(0.9));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("lr", 0.01);
        expected.put("momentum", 0.9);
        expected.put("dampening", 0.0);
        expected.put("weight_decay", 0.1);
        expected.put("nesterov", false);
        expected.put("maximize", false);
        assertEquals(expected, sgd.paramGroups().get(1).options());
        assertEquals(SGD.Options.lr(0.1).withMomentum(0.9), sgd.options(0));
        assertEquals(List.of(w, b), sgd.params());
        w.mul(Tensor.fromDoubles(new double[] {2, 4}, DType.FLOAT64, 2)).sum().backward();
        b.sum().backward();
        sgd.step();
        assertEquals(List.of(0.8, 1.6), List.of(w.getFlat(0), w.getFlat(1)));
        assertEquals(3 - 0.01 * (1 + 0.1 * 3), b.getFlat(0), 1e-15);
    }

    @Test
    void addParamGroupTakesDefaultsAndRejectsSharedParams() {
        Tensor w = param(1);
        Tensor q = param(1);
        SGD sgd = new SGD(List.of(w), SGD.Options.lr(0.1).withMomentum(0.5));
        sgd.addParamGroup(ParamGroup.of(List.of(q)).lr(0.5));
        assertEquals(0.5, sgd.paramGroups().get(1).get("momentum"));
        q.mul(2.0).sum().backward();
        sgd.step();
        assertEquals(0.0, q.getFlat(0), 0.0);
        assertEquals("SGD: some parameters appear in more than one parameter group",
                message(() -> sgd.addParamGroup(ParamGroup.of(List.of(w)))));
        ParamGroup taken = sgd.paramGroups().get(0);
        assertEquals("SGD: the param group already belongs to an optimizer",
                message(() -> new SGD(List.of(taken), SGD.Options.lr(0.1))));
    }

    @Test
    void groupOptionsAreCheckedWithPyTorchMessagesNamingTheGroup() {
        List<Tensor> one = List.of(param(1));
        assertEquals("SGD: unknown option 'betas' (param group 0): expected one of [lr, momentum, dampening, weight_decay,"
                + " nesterov, maximize]", message(() -> new SGD(List.of(ParamGroup.of(one).betas(0.9, 0.99)), SGD.Options.lr(0.1))));
        assertEquals("Adam: Invalid learning rate: -1.0 (param group 1)", message(() -> new Adam(
                List.of(ParamGroup.of(List.of(param(1))), ParamGroup.of(List.of(param(2))).lr(-1)), Adam.Options.defaults())));
        assertEquals("SGD: Nesterov momentum requires a momentum and zero dampening (got momentum=0.9, dampening=0.1)"
                + " (param group 0)", message(() -> new SGD(List.of(ParamGroup.of(one).nesterov(true).dampening(0.1)),
                SGD.Options.lr(0.1).withMomentum(0.9))));
        assertEquals("AdamW: Invalid beta parameter at index 0: expected a value in [0, 1), got 1.5 (param group 0)",
                message(() -> new AdamW(List.of(ParamGroup.of(one).betas(1.5, 0.9)), AdamW.defaults())));
        assertEquals("SGD: Invalid learning rate: -1.0", message(() -> new SGD(List.of(param(1)), -1)));
        assertEquals("Adam: Invalid weight_decay value: -0.1", message(() -> new Adam(List.of(param(1)),
                Adam.Options.defaults().withWeightDecay(-0.1))));
    }

    @Test
    void liveGroupChangesAreCheckedAndLeaveTheGroupUnchangedWhenRejected() {
        SGD sgd = new SGD(List.of(param(1)), SGD.Options.lr(0.1).withMomentum(0.9));
        ParamGroup g = sgd.paramGroups().get(0);
        assertEquals("SGD: Invalid momentum value: -0.5 (param group 0)", message(() -> g.momentum(-0.5)));
        assertEquals("SGD: option nesterov must be a boolean, got 1.0 (param group 0)", message(() -> g.set("nesterov", 1)));
        assertEquals(0.9, g.get("momentum"));
        g.momentum(0.5).lr(0.2);
        assertEquals(SGD.Options.lr(0.2).withMomentum(0.5), sgd.options(0));
        assertEquals(SGD.Options.lr(0.1).withMomentum(0.9), sgd.options(), "the defaults stay as constructed");
    }

    @Test
    void setLrSetsEveryGroupAndSchedulersScaleEachFromItsOwnInitialLr() {
        Tensor a = param(1);
        Tensor b = param(1);
        SGD sgd = new SGD(List.of(ParamGroup.of(List.of(a)), ParamGroup.of(List.of(b)).lr(0.01)), SGD.Options.lr(0.1));
        StepLR s = new StepLR(sgd, 1, 0.5);
        assertEquals(List.of(0.1, 0.01), s.baseLrs());
        s.step();
        assertEquals(List.of(0.05, 0.005), s.lastLrs());
        sgd.paramGroups().get(1).lr(1.0); // chainable: the next step scales the manual value
        s.step();
        assertEquals(List.of(0.025, 0.5), List.of(sgd.paramGroups().get(0).lr(), sgd.paramGroups().get(1).lr()));
        assertEquals(0.01, sgd.paramGroups().get(1).initialLr());
        sgd.setLr(0.3);
        assertEquals(List.of(0.3, 0.3), List.of(sgd.paramGroups().get(0).lr(), sgd.paramGroups().get(1).lr()));
        assertEquals(0.3, sgd.lr());
        sgd.addParamGroup(ParamGroup.of(List.of(param(1))));
        assertEquals("StepLR: the optimizer has 3 param groups but the scheduler knows 2 (add groups before creating the"
                + " scheduler)", assertThrows(IllegalStateException.class, s::step).getMessage());
    }

    @Test
    void zeroGradSetsToNoneByDefaultOrFillsZerosInPlace() {
        Tensor p = param(1, 2);
        Tensor q = param(3);
        SGD sgd = new SGD(List.of(p, q), 0.1);
        p.mul(3.0).sum().backward();
        Tensor g = p.grad();
        sgd.zeroGrad(false);
        assertSame(g, p.grad(), "same tensor, zero-filled");
        assertEquals(List.of(0.0, 0.0), List.of(g.getFlat(0), g.getFlat(1)));
        assertNull(q.grad(), "a null grad stays null");
        p.mul(2.0).sum().backward();
        assertEquals(2.0, p.grad().getFlat(1), 0.0, "accumulates onto the zeros");
        sgd.zeroGrad();
        assertNull(p.grad());
    }

    @Test
    void stateDictIsACopyAndLoadChecksItsShape() {
        Tensor p = param(1, 2);
        SGD sgd = new SGD(List.of(p), SGD.Options.lr(0.1).withMomentum(0.9));
        p.sum().backward();
        sgd.step();
        Optimizer.StateDict sd = sgd.stateDict();
        sgd.step();
        assertEquals(1.0, sd.state().get(0).get("momentum_buffer").getFlat(0), 0.0, "saved dict unchanged by later steps");
        assertEquals(List.of(0), sd.paramGroups().get(0).get("params"));

        SGD two = new SGD(List.of(ParamGroup.of(List.of(param(1, 2))), ParamGroup.of(List.of(param(1)))), SGD.Options.lr(0.1));
        assertEquals("SGD: loaded state dict has a different number of parameter groups: expected 2, got 1",
                message(() -> two.loadStateDict(sd)));
        SGD wide = new SGD(List.of(param(1, 2), param(3)), SGD.Options.lr(0.1));
        assertTrue(message(() -> wide.loadStateDict(sd)).startsWith(
                "SGD: loaded state dict contains a parameter group that doesn't match the size of optimizer's group"));
        SGD shorter = new SGD(List.of(param(1)), SGD.Options.lr(0.1));
        assertEquals("SGD: loaded state momentum_buffer of parameter 0 has shape [2], expected the parameter's [1]",
                message(() -> shorter.loadStateDict(sd)));
        assertEquals(0.1, shorter.lr(), "nothing changed by a rejected load");
    }

    @Test
    void loadStateDictFillsMissingOptionsAndAcceptsTorchSwitchesOnlyWhenOff() {
        Tensor p = param(1);
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("lr", 0.5);
        group.put("momentum", 0.9);
        group.put("foreach", null);
        group.put("differentiable", false);
        group.put("params", List.of(0));
        SGD sgd = new SGD(List.of(p), SGD.Options.lr(0.1));
        sgd.loadStateDict(new Optimizer.StateDict(Map.of(), List.of(group)));
        assertEquals(SGD.Options.lr(0.5).withMomentum(0.9), sgd.options(0));
        group.put("fused", true);
        assertEquals("SGD: unknown option 'fused' (param group 0): expected one of [lr, momentum, dampening, weight_decay,"
                + " nesterov, maximize]", message(() -> sgd.loadStateDict(new Optimizer.StateDict(Map.of(), List.of(group)))));
    }

    @Test
    void legacyPerParameterStateApiStillWorksAcrossGroups() {
        Tensor a = param(1);
        Tensor b = param(2);
        Adam adam = new Adam(List.of(ParamGroup.of(List.of(a)), ParamGroup.of(List.of(b)).amsgrad(true)),
                Adam.Options.defaults());
        a.sum().backward();
        b.sum().backward();
        adam.step();
        assertEquals(List.of("step", "exp_avg", "exp_avg_sq"), List.copyOf(adam.state(a).keySet()));
        assertEquals(List.of("step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"), List.copyOf(adam.state(b).keySet()));
        Adam other = new Adam(List.of(ParamGroup.of(List.of(param(1))), ParamGroup.of(List.of(param(2))).amsgrad(true)),
                Adam.Options.defaults());
        other.loadState(other.params().get(1), adam.state(b));
        assertEquals(adam.stateDict().state().get(1).keySet(), other.stateDict().state().get(1).keySet());
        assertEquals("Adam: loadState: the tensor is not a parameter of this optimizer",
                message(() -> other.loadState(a, adam.state(a))));
    }

    @Test
    void schedulerStateDictRoundTripsAndChecksGroupCount() {
        SGD sgd = new SGD(List.of(ParamGroup.of(List.of(param(1))), ParamGroup.of(List.of(param(1))).lr(0.2)), SGD.Options.lr(0.1));
        StepLR s = new StepLR(sgd, 2, 0.5);
        s.step();
        s.step();
        Map<String, Object> sd = s.stateDict();
        assertEquals(List.of("step_size", "gamma", "base_lrs", "last_epoch", "_step_count", "_last_lr"), List.copyOf(sd.keySet()));
        assertEquals(2, sd.get("last_epoch"));
        assertEquals(3, sd.get("_step_count"));
        StepLR fresh = new StepLR(new SGD(List.of(ParamGroup.of(List.of(param(1))), ParamGroup.of(List.of(param(1)))),
                SGD.Options.lr(0.7)), 5);
        fresh.loadStateDict(sd);
        assertEquals(sd, fresh.stateDict());
        StepLR single = new StepLR(new SGD(List.of(param(1)), 0.1), 1);
        assertEquals("StepLR: load_state_dict: expected 1 base_lrs (one per param group), got 2",
                message(() -> single.loadStateDict(sd)));
    }
}
