/** Runnable examples of the library API, compiled with the build and run by tests. */
package org.poolact.examples;
