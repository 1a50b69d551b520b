package org.poolact.testing;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.TreeSet;

import org.poolact.autograd.Node;
import org.poolact.tensor.Tensor;

/**
 * Names the backward closures in an autograd graph as {@code grad_fn@DefiningClass} (e.g.
 * {@code MulBackward0@Pooling}), so the gradient checks can report which closures they went through:
 * two ops may share a PyTorch name (MulBackward0) but not a closure.
 */
final class GraphNodes {
    private GraphNodes() {
    }

    static Set<String> of(Tensor root) {
        Set<String> names = new TreeSet<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Tensor> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop().gradFn();
            if (n == null || !seen.add(n)) {
                continue;
            }
            names.add(n.name() + "@" + owner(n));
            for (Tensor in : n.inputs()) {
                if (in != null) {
                    todo.push(in);
                }
            }
        }
        return names;
    }

    /** The simple name of the class whose code defines the node's backward lambda. */
    private static String owner(Node n) {
        try {
            Field f = Node.class.getDeclaredField("backward");
            f.setAccessible(true);
            String cls = f.get(n).getClass().getName();
            int lambda = cls.indexOf("$$Lambda");
            String outer = lambda >= 0 ? cls.substring(0, lambda) : cls;
            return outer.substring(outer.lastIndexOf('.') + 1);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Node.backward not readable", e);
        }
    }
}
