/** One class per subcommand, each a {@code Callable<Integer>} returning its exit code and writing through its command's PrintWriter. */
package org.poolact.cli.commands;
