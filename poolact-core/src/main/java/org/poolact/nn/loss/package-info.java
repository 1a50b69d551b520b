/** Loss modules (CrossEntropyLoss, NLLLoss, MSELoss) over the functional losses. */
package org.poolact.nn.loss;
