/** Text and JSON renderings of results. */
package org.poolact.cli.output;
