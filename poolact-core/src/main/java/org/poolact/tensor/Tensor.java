package org.poolact.tensor;

import java.util.Arrays;

import org.poolact.autograd.Autograd;
import org.poolact.autograd.Node;
import org.poolact.ops.Creation;
import org.poolact.ops.Elementwise;
import org.poolact.ops.LinAlg;
import org.poolact.ops.Movement;
import org.poolact.ops.Reductions;
import org.poolact.random.Generator;
import org.poolact.random.Random;

/**
 * A dense, row-major (contiguous) n-dimensional array of float32 or float64 values, with reverse-mode
 * autograd: {@code torch.Tensor}. Views made by {@link #view}/{@link #reshape} share storage; every
 * other op returns new storage. Ops are implemented in {@code org.poolact.ops} (tensor ops) and
 * {@code org.poolact.nn.functional} (network ops); the instance methods here delegate to them.
 */
public final class Tensor {
    private final int[] shape;
    private final int[] strides;
    private final DType dtype;
    private final float[] f32;
    private final double[] f64;

    private boolean requiresGrad;
    private boolean retainGrad;
    private Tensor grad;
    private Node gradFn;

    private Tensor(int[] shape, DType dtype, float[] f32, double[] f64) {
        this.shape = shape.clone();
        this.strides = Shape.contiguousStrides(shape);
        this.dtype = dtype;
        this.f32 = f32;
        this.f64 = f64;
        int n = Shape.numel(shape);
        int len = f32 != null ? f32.length : f64.length;
        if (len != n) {
            throw new IllegalArgumentException("Tensor: shape " + Arrays.toString(shape) + " needs " + n
                    + " elements, storage has " + len);
        }
    }

    // ------------------------------------------------------------------ storage-level construction

    /** Wraps a float array as a float32 tensor without copying it. */
    public static Tensor wrap(float[] data, int... shape) {
        return new Tensor(shape, DType.FLOAT32, data, null);
    }

    /** Wraps a double array as a float64 tensor without copying it. */
    public static Tensor wrap(double[] data, int... shape) {
        return new Tensor(shape, DType.FLOAT64, null, data);
    }

    /**
     * A tensor of the given dtype holding {@code values} (rounded to float for float32). The array is
     * copied for float32 and wrapped for float64.
     */
    public static Tensor fromDoubles(double[] values, DType dtype, int... shape) {
        if (dtype == DType.FLOAT64) {
            return wrap(values, shape);
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return wrap(f, shape);
    }

    /** An uninitialised (zero-filled) tensor. */
    public static Tensor empty(DType dtype, int... shape) {
        int n = Shape.numel(shape);
        return dtype == DType.FLOAT32 ? wrap(new float[n], shape) : wrap(new double[n], shape);
    }

    // ------------------------------------------------------------------ creation (torch.*)

    /** {@code torch.zeros(*shape)}, float32. */
    public static Tensor zeros(int... shape) {
        return empty(DType.FLOAT32, shape);
    }

    /** {@code torch.zeros(*shape, dtype=dtype)}. */
    public static Tensor zeros(DType dtype, int... shape) {
        return empty(dtype, shape);
    }

    /** {@code torch.ones(*shape)}, float32. */
    public static Tensor ones(int... shape) {
        return full(1.0, shape);
    }

    /** {@code torch.ones(*shape, dtype=dtype)}. */
    public static Tensor ones(DType dtype, int... shape) {
        return full(1.0, dtype, shape);
    }

    /** {@code torch.full(shape, value)}, float32. */
    public static Tensor full(double value, int... shape) {
        return full(value, DType.FLOAT32, shape);
    }

    /** {@code torch.full(shape, value, dtype=dtype)}. */
    public static Tensor full(double value, DType dtype, int... shape) {
        return Creation.full(value, dtype, shape);
    }

    /** A 0-dimensional tensor: {@code torch.tensor(value)}. */
    public static Tensor scalar(double value) {
        return full(value, DType.FLOAT32);
    }

    /** A 0-dimensional tensor of the given dtype. */
    public static Tensor scalar(double value, DType dtype) {
        return full(value, dtype);
    }

    /** {@code torch.randn(*shape)}, float32, on the default generator (bit-identical to torch CPU; see {@link Random}). */
    public static Tensor randn(int... shape) {
        return Random.randn(shape);
    }

    /** {@code torch.randn(*shape, generator=g)}, float32. */
    public static Tensor randn(Generator g, int... shape) {
        return Random.randn(g, shape);
    }

    /** {@code torch.rand(*shape)}, float32 U[0, 1), on the default generator. */
    public static Tensor rand(int... shape) {
        return Random.rand(shape);
    }

    /** {@code torch.rand(*shape, generator=g)}, float32 U[0, 1). */
    public static Tensor rand(Generator g, int... shape) {
        return Random.rand(g, shape);
    }

    /** {@code torch.arange(end)}, float32: 0, 1, ..., end-1. */
    public static Tensor arange(double end) {
        return Creation.arange(0, end, 1, DType.FLOAT32);
    }

    /** {@code torch.arange(start, end, step)}, float32. */
    public static Tensor arange(double start, double end, double step) {
        return Creation.arange(start, end, step, DType.FLOAT32);
    }

    /**
     * {@code torch.tensor(data)} from a nested Java array ({@code float[]}, {@code double[][]},
     * {@code int[][][]}, ...): float32 unless the leaves are doubles, as {@code torch.tensor} picks
     * float32 for Python floats. Ragged arrays are rejected.
     */
    public static Tensor fromArray(Object nested) {
        return Creation.fromArray(nested, null);
    }

    /** {@code torch.tensor(data, dtype=dtype)} from a nested Java array. */
    public static Tensor fromArray(Object nested, DType dtype) {
        return Creation.fromArray(nested, dtype);
    }

    // ------------------------------------------------------------------ metadata and data access

    /** The sizes, a copy: {@code tensor.shape}. */
    public int[] shape() {
        return shape.clone();
    }

    /** {@code tensor.size(dim)}; negative dims count from the end. */
    public int size(int dim) {
        return shape[Shape.wrapDim(dim, shape.length)];
    }

    /** Row-major strides in elements, a copy. */
    public int[] strides() {
        return strides.clone();
    }

    /** Number of dimensions: {@code tensor.dim()}. */
    public int dim() {
        return shape.length;
    }

    /** Number of elements: {@code tensor.numel()}. */
    public int numel() {
        return f32 != null ? f32.length : f64.length;
    }

    public DType dtype() {
        return dtype;
    }

    /**
     * The backing float32 array, not a copy, or {@code null} for float64. Writing into it bypasses
     * autograd; kernels use it to loop over contiguous memory.
     */
    public float[] floatData() {
        return f32;
    }

    /** The backing float64 array, not a copy, or {@code null} for float32. */
    public double[] doubleData() {
        return f64;
    }

    /** Element at a flat (row-major) index, widened to double. */
    public double getFlat(int index) {
        return f32 != null ? f32[index] : f64[index];
    }

    /** Sets the element at a flat index (rounded for float32). Bypasses autograd. */
    public void setFlat(int index, double value) {
        if (f32 != null) {
            f32[index] = (float) value;
        } else {
            f64[index] = value;
        }
    }

    /** Element at a full index, e.g. {@code t.get(0, 0, 2, 3)}; negative indices count from the end. */
    public double get(int... index) {
        return getFlat(flatIndex(index));
    }

    private int flatIndex(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get: expected " + shape.length + " indices for shape "
                    + Arrays.toString(shape) + ", got " + index.length);
        }
        int flat = 0;
        for (int d = 0; d < index.length; d++) {
            int i = index[d] < 0 ? index[d] + shape[d] : index[d];
            if (i < 0 || i >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + index[d] + " is out of bounds for dimension " + d
                        + " with size " + shape[d]);
            }
            flat += i * strides[d];
        }
        return flat;
    }

    /** The value of a one-element tensor: {@code tensor.item()}. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalArgumentException("a Tensor with " + numel()
                    + " elements cannot be converted to Scalar");
        }
        return getFlat(0);
    }

    /** All elements in row-major order, as a new double array. */
    public double[] toDoubleArray() {
        if (f64 != null) {
            return f64.clone();
        }
        double[] d = new double[f32.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = f32[i];
        }
        return d;
    }

    /** All elements in row-major order, as a new float array (rounded for float64). */
    public float[] toFloatArray() {
        if (f32 != null) {
            return f32.clone();
        }
        float[] f = new float[f64.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) f64[i];
        }
        return f;
    }

    /** {@code tensor.to(dtype)}: a converted copy (recorded as ToCopyBackward0), or this tensor if the dtype matches. */
    public Tensor to(DType target) {
        return Elementwise.toDType(this, target);
    }

    /** {@code tensor.float()}. */
    public Tensor toFloat() {
        return to(DType.FLOAT32);
    }

    /** {@code tensor.double()}. */
    public Tensor toDouble() {
        return to(DType.FLOAT64);
    }

    // ------------------------------------------------------------------ autograd

    /** {@code tensor.requires_grad}. */
    public boolean requiresGrad() {
        return requiresGrad || gradFn != null;
    }

    /**
     * {@code tensor.requires_grad_(flag)}: marks a leaf as needing gradients.
     *
     * @return this tensor
     */
    public Tensor requiresGrad(boolean flag) {
        if (gradFn != null && !flag) {
            throw new IllegalStateException("you can only change requires_grad flags of leaf variables.");
        }
        this.requiresGrad = flag;
        return this;
    }

    /** {@code tensor.is_leaf}. */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** {@code tensor.grad}: accumulated gradient, or {@code null}. */
    public Tensor grad() {
        return grad;
    }

    /** Sets {@code tensor.grad} (use {@code null} to clear, as optimisers' zero_grad(set_to_none=True) do). */
    public void setGrad(Tensor g) {
        this.grad = g;
    }

    /** {@code tensor.grad_fn}: the node that produced this tensor, or {@code null} for a leaf. */
    public Node gradFn() {
        return gradFn;
    }

    /** Used by {@link Autograd#record}; not for users. */
    public void setGradFn(Node node) {
        this.gradFn = node;
    }

    /** {@code tensor.retain_grad()}: keep {@code .grad} on a non-leaf. */
    public Tensor retainGrad() {
        this.retainGrad = true;
        return this;
    }

    /** Whether {@link #retainGrad()} was called. */
    public boolean retainsGrad() {
        return retainGrad;
    }

    /** Adds g into {@code .grad} (used by the autograd engine). */
    public void accumulateGrad(Tensor g) {
        grad = grad == null ? g.detach().clone() : Elementwise.add(grad, g);
    }

    /** {@code tensor.backward()} on a one-element tensor (gradient 1). */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalStateException("grad can be implicitly created only for scalar outputs");
        }
        backward(full(1.0, dtype, shape));
    }

    /** {@code tensor.backward(gradient)}. */
    public void backward(Tensor gradient) {
        Autograd.backward(this, gradient);
    }

    /** {@code tensor.detach()}: same storage, no graph. */
    public Tensor detach() {
        return new Tensor(shape, dtype, f32, f64);
    }

    /** {@code tensor.clone()}: new storage, recorded as CloneBackward0. */
    @Override
    public Tensor clone() {
        return Elementwise.cloneOf(this);
    }

    /** Same storage under another shape of equal size (package use by {@link Movement}). */
    public Tensor viewStorage(int... newShape) {
        return new Tensor(newShape, dtype, f32, f64);
    }

    // ------------------------------------------------------------------ arithmetic (broadcasting)

    /** {@code self + other} with broadcasting. */
    public Tensor add(Tensor other) {
        return Elementwise.add(this, other);
    }

    /** {@code self + value}. */
    public Tensor add(double value) {
        return Elementwise.addScalar(this, value);
    }

    /** {@code self - other} with broadcasting. */
    public Tensor sub(Tensor other) {
        return Elementwise.sub(this, other);
    }

    /** {@code self - value}. */
    public Tensor sub(double value) {
        return Elementwise.addScalar(this, -value);
    }

    /** {@code self * other} with broadcasting. */
    public Tensor mul(Tensor other) {
        return Elementwise.mul(this, other);
    }

    /** {@code self * value}. */
    public Tensor mul(double value) {
        return Elementwise.mulScalar(this, value);
    }

    /** {@code self / other} with broadcasting. */
    public Tensor div(Tensor other) {
        return Elementwise.div(this, other);
    }

    /** {@code self / value}. */
    public Tensor div(double value) {
        return Elementwise.divScalar(this, value);
    }

    /** {@code -self}. */
    public Tensor neg() {
        return Elementwise.mulScalar(this, -1.0);
    }

    /** {@code torch.exp}. */
    public Tensor exp() {
        return Elementwise.exp(this);
    }

    /** {@code torch.log}. */
    public Tensor log() {
        return Elementwise.log(this);
    }

    /** {@code torch.sqrt}. */
    public Tensor sqrt() {
        return Elementwise.sqrt(this);
    }

    /** {@code torch.abs}; gradient sign(x), 0 at 0. */
    public Tensor abs() {
        return Elementwise.abs(this);
    }

    /** {@code self ** exponent}. */
    public Tensor pow(double exponent) {
        return Elementwise.pow(this, exponent);
    }

    // ------------------------------------------------------------------ reductions

    /** {@code tensor.sum()}. */
    public Tensor sum() {
        return Reductions.sum(this);
    }

    /** {@code tensor.sum(dim, keepdim)}. */
    public Tensor sum(int dim, boolean keepdim) {
        return Reductions.sum(this, new int[] {dim}, keepdim);
    }

    /** {@code tensor.mean()}. */
    public Tensor mean() {
        return Reductions.mean(this);
    }

    /** {@code tensor.mean(dim, keepdim)}. */
    public Tensor mean(int dim, boolean keepdim) {
        return Reductions.mean(this, new int[] {dim}, keepdim);
    }

    /** {@code tensor.max()}: the largest element; NaN if any element is NaN. */
    public Tensor max() {
        return Reductions.max(this);
    }

    /** {@code tensor.max(dim, keepdim)}: values and indices (first occurrence of the maximum). */
    public Reductions.ValuesIndices max(int dim, boolean keepdim) {
        return Reductions.max(this, dim, keepdim);
    }

    /** {@code tensor.argmax()}: flat index of the first maximum (NaN counts as the maximum). */
    public long argmax() {
        return Reductions.argmax(this);
    }

    /** {@code tensor.argmax(dim, keepdim)}: int64 indices of the first maximum along dim. */
    public IndexTensor argmax(int dim, boolean keepdim) {
        return Reductions.max(this, dim, keepdim).indices();
    }

    // ------------------------------------------------------------------ shape

    /** {@code tensor.reshape(*shape)}; one size may be -1. Shares storage (always contiguous here). */
    public Tensor reshape(int... newShape) {
        return Movement.reshape(this, newShape);
    }

    /** {@code tensor.view(*shape)}; one size may be -1. */
    public Tensor view(int... newShape) {
        return Movement.view(this, newShape);
    }

    /** {@code tensor.permute(*dims)}. */
    public Tensor permute(int... dims) {
        return Movement.permute(this, dims);
    }

    /** {@code tensor.transpose(dim0, dim1)}. */
    public Tensor transpose(int dim0, int dim1) {
        return Movement.transpose(this, dim0, dim1);
    }

    /** {@code tensor.t()} for a 2-D tensor. */
    public Tensor t() {
        if (dim() > 2) {
            throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is " + dim() + "D");
        }
        return dim() < 2 ? this : transpose(0, 1);
    }

    /** {@code torch.flatten(tensor)}: all dims into one. */
    public Tensor flatten() {
        return Movement.flatten(this, 0, -1);
    }

    /** {@code torch.flatten(tensor, startDim, endDim)}. */
    public Tensor flatten(int startDim, int endDim) {
        return Movement.flatten(this, startDim, endDim);
    }

    /** {@code tensor.unsqueeze(dim)}. */
    public Tensor unsqueeze(int dim) {
        return Movement.unsqueeze(this, dim);
    }

    /** {@code tensor.squeeze(dim)}. */
    public Tensor squeeze(int dim) {
        return Movement.squeeze(this, dim);
    }

    /** {@code tensor.expand(*shape)} as a materialised broadcast (new storage). */
    public Tensor expand(int... newShape) {
        return Movement.expand(this, newShape);
    }

    /** {@code self @ other}: matrix product for 1-D and 2-D operands, batched for 3-D. */
    public Tensor matmul(Tensor other) {
        return LinAlg.matmul(this, other);
    }

    // ------------------------------------------------------------------ comparison and printing

    /** {@code torch.equal}: same shape and exactly equal elements (NaN != NaN). */
    public boolean equalTo(Tensor other) {
        if (!Arrays.equals(shape, other.shape)) {
            return false;
        }
        for (int i = 0; i < numel(); i++) {
            if (getFlat(i) != other.getFlat(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code torch.allclose(self, other, rtol, atol)}: |a-b| <= atol + rtol*|b|, NaN never close. */
    public boolean allClose(Tensor other, double rtol, double atol) {
        if (!Arrays.equals(shape, other.shape)) {
            return false;
        }
        for (int i = 0; i < numel(); i++) {
            double a = getFlat(i);
            double b = other.getFlat(i);
            if (a == b) {
                continue;
            }
            if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
                return false;
            }
        }
        return true;
    }

    /** PyTorch's printed form, e.g. {@code tensor([[ 0.0489, -0.5657]], grad_fn=<ReluBackward0>)}. */
    @Override
    public String toString() {
        return TensorPrinter.format(this);
    }
}
