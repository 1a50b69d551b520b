/** The {@code poolact} command: {@link org.poolact.cli.Main} (the only System.exit), the top-level command with its list of subcommands, and the one error handler and exit-code mapper. */
package org.poolact.cli;
