/**
 * Running both orders (act then pool, pool then act) on one map and measuring them; the general
 * rule comes from the lab's rule engine ({@link org.poolact.lab.order.OrderRules}).
 */
package org.poolact.cli.order;
