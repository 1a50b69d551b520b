package org.poolact.lab.train;

/** One layer of an {@link ArchSpec}; {@link #toString()} is its token in the compact spec. */
public sealed interface LayerSpec {

    /** {@code c<out>k<k>[s<s>][p<p>]}: {@code nn.Conv2d(in, out, kernel_size=k, stride=s, padding=p)}. */
    record Conv(int outChannels, int kernelSize, int stride, int padding) implements LayerSpec {
        @Override
        public String toString() {
            return "c" + outChannels + "k" + kernelSize + (stride != 1 ? "s" + stride : "")
                    + (padding != 0 ? "p" + padding : "");
        }
    }

    /** {@code A}: the activation chosen with {@code --act}. */
    record Act() implements LayerSpec {
        @Override
        public String toString() {
            return "A";
        }
    }

    /** {@code P<k>}: the pooling chosen with {@code --pool}, kernel k and stride k. */
    record Pool(int kernelSize) implements LayerSpec {
        @Override
        public String toString() {
            return "P" + kernelSize;
        }
    }

    /** {@code B}: {@code nn.BatchNorm2d(channels)} after a conv. */
    record BatchNorm() implements LayerSpec {
        @Override
        public String toString() {
            return "B";
        }
    }

    /** {@code D<p>}: {@code nn.Dropout(p)}. */
    record Dropout(double p) implements LayerSpec {
        @Override
        public String toString() {
            return "D" + p;
        }
    }

    /** {@code f<out>}: {@code nn.Linear(in, out)}; a {@code Flatten} is inserted before the first one. */
    record Linear(int outFeatures) implements LayerSpec {
        @Override
        public String toString() {
            return "f" + outFeatures;
        }
    }
}
