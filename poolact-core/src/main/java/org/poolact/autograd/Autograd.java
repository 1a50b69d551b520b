package org.poolact.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.poolact.tensor.Tensor;

/**
 * Reverse-mode automatic differentiation, micrograd style: each op records a {@link Node} with a
 * closure; {@link #backward} sorts the graph topologically and runs the closures in reverse,
 * adding (never overwriting) into gradients so a tensor used twice just works.
 */
public final class Autograd {
    private Autograd() {
    }

    /**
     * Attaches a grad_fn to {@code out} when grad mode is on and some input requires grad.
     *
     * @param out      the op's freshly created output
     * @param name     PyTorch's node name, e.g. {@code ReluBackward0}
     * @param backward the gradient rule, returning one gradient per input
     * @param inputs   the op's tensor inputs, in the order {@code backward} returns their gradients
     * @return {@code out}
     */
    public static Tensor record(Tensor out, String name, BackwardFn backward, Tensor... inputs) {
        if (!GradMode.isEnabled()) {
            return out;
        }
        boolean any = false;
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                any = true;
                break;
            }
        }
        if (any) {
            out.setGradFn(new Node(name, Collections.unmodifiableList(Arrays.asList(inputs.clone())), backward));
        }
        return out;
    }

    /**
     * Backpropagates {@code gradient} (the gradient of some scalar with respect to {@code root})
     * through the graph and accumulates into the {@code .grad} of every leaf that requires grad.
     * Backward closures run with grad mode off.
     */
    public static void backward(Tensor root, Tensor gradient) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("element 0 of tensors does not require grad and does not have a grad_fn");
        }
        if (!Arrays.equals(root.shape(), gradient.shape())) {
            throw new IllegalArgumentException("backward: expected gradient of shape " + Arrays.toString(root.shape())
                    + " but got " + Arrays.toString(gradient.shape()));
        }
        List<Tensor> order = topologicalOrder(root);
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        grads.put(root, gradient);
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                Tensor g = grads.remove(t);
                if (g == null) {
                    continue;
                }
                Node fn = t.gradFn();
                if (fn == null) {
                    t.accumulateGrad(g);
                    continue;
                }
                if (t.retainsGrad()) {
                    t.accumulateGrad(g);
                }
                Tensor[] inGrads = fn.backward(g);
                List<Tensor> inputs = fn.inputs();
                for (int k = 0; k < inputs.size(); k++) {
                    Tensor in = inputs.get(k);
                    if (in == null || !in.requiresGrad() || k >= inGrads.length || inGrads[k] == null) {
                        continue;
                    }
                    Tensor gk = inGrads[k];
                    if (!Arrays.equals(gk.shape(), in.shape())) {
                        throw new IllegalStateException(fn.name() + " returned a gradient of shape "
                                + Arrays.toString(gk.shape()) + " for input " + k + " of shape "
                                + Arrays.toString(in.shape()));
                    }
                    grads.merge(in, gk, Tensor::add);
                }
            }
        }
    }

    /** Tensors reachable from root, each after all its inputs (iterative DFS, so deep graphs are fine). */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        visited.add(root);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            List<Tensor> inputs = t.gradFn() == null ? List.of() : t.gradFn().inputs();
            if (next < inputs.size()) {
                frame[1] = next + 1;
                Tensor in = inputs.get(next);
                if (in != null && in.requiresGrad() && visited.add(in)) {
                    stack.push(new Object[] {in, 0});
                }
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }
}
