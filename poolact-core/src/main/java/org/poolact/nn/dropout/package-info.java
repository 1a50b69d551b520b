/** Dropout modules. */
package org.poolact.nn.dropout;
