/** Options shared by several subcommands, used as picocli mixins ({@code --format}, the pooling options). */
package org.poolact.cli.options;
