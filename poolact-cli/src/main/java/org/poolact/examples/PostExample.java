package org.poolact.examples;

import org.poolact.nn.activation.ReLU;
import org.poolact.nn.conv.Conv2d;
import org.poolact.nn.pooling.AvgPool2d;
import org.poolact.nn.pooling.MaxPool2d;
import org.poolact.random.Generator;
import org.poolact.random.Random;
import org.poolact.tensor.Tensor;

/**
 * The post's two functions, {@code maxpooling_order()} and {@code avgpooling_order()}, written with
 * the poolact library line for line. Each draws a 1x1x7x7 image, convolves it with
 * {@code Conv2d(1, 1, 3, 1)} and prints the conv output, then pool(relu(x)) and relu(pool(x)).
 * <pre>
 * def maxpooling_order():                       static void maxpoolingOrder() {
 *     x = torch.randn(1, 1, 7, 7)                   Tensor x = Random.randn(1, 1, 7, 7);
 *     conv = nn.Conv2d(1, 1, 3, 1)                  Conv2d conv = new Conv2d(1, 1, 3, 1);
 *     ...                                           ...
 * </pre>
 * Run it with {@code java -cp poolact-cli/target/poolact.jar org.poolact.examples.PostExample [seed]}.
 */
public final class PostExample {
    private PostExample() {
    }

    /** The post's {@code maxpooling_order()}: with max pooling both orders print the same tensor. */
    public static void maxpoolingOrder() {
        Tensor x = Random.randn(1, 1, 7, 7);
        Conv2d conv = new Conv2d(1, 1, 3, 1);
        Tensor convOut = conv.forward(x);
        MaxPool2d pool = new MaxPool2d(2);
        ReLU relu = new ReLU();
        System.out.println(convOut);
        System.out.println(pool.forward(relu.forward(convOut)));   // conv -> relu -> pool
        System.out.println(relu.forward(pool.forward(convOut)));   // conv -> pool -> relu
    }

    /** The post's {@code avgpooling_order()}: with average pooling, pool first zeroes more outputs. */
    public static void avgpoolingOrder() {
        Tensor x = Random.randn(1, 1, 7, 7);
        Conv2d conv = new Conv2d(1, 1, 3, 1);
        Tensor convOut = conv.forward(x);
        AvgPool2d pool = new AvgPool2d(2);
        ReLU relu = new ReLU();
        System.out.println(convOut);
        System.out.println(pool.forward(relu.forward(convOut)));   // conv -> relu -> pool
        System.out.println(relu.forward(pool.forward(convOut)));   // conv -> pool -> relu
    }

    /** {@code torch.manual_seed(seed)} (default 0), then both functions, as the post runs them. */
    public static void main(String[] args) {
        Generator.manualSeedDefault(args.length > 0 ? Long.parseLong(args[0]) : 0);
        maxpoolingOrder();
        avgpoolingOrder();
    }
}
