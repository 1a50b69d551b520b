/** Running both orders (act then pool, pool then act) on a map, measuring them, and stating the general rule from the activation's properties. */
package org.poolact.cli.order;
