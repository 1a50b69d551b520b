/**
 * The order laboratory behind {@code poolact analyze}: does act -> pool equal pool -> act? Rules
 * ({@link org.poolact.lab.order.OrderRules}) decide from declared activation properties and the
 * kinds of window a pooling forms ({@link org.poolact.lab.order.WindowTypes}); the properties are
 * checked numerically ({@link org.poolact.lab.order.PropertyCheck}); identical verdicts are probed
 * through the engine ({@link org.poolact.lab.order.Probes}); differing ones get a shrunk
 * counterexample ({@link org.poolact.lab.order.CounterexampleSearch}); measurements, claims and
 * the whole run live in {@link org.poolact.lab.order.Analysis}.
 */
package org.poolact.lab.order;
