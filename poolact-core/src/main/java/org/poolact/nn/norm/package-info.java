/** Normalisation modules (BatchNorm2d). */
package org.poolact.nn.norm;
