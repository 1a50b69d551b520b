/**
 * Linear, Flatten and Identity layers ({@code torch.nn.Linear}, {@code torch.nn.Flatten},
 * {@code torch.nn.Identity}): thin modules over {@link org.poolact.nn.functional.Dense}.
 */
package org.poolact.nn.linear;
