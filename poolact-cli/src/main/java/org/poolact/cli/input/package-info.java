/** Reading the maps a command works on: JSON nested lists and PyTorch tensor text, from a file or stdin, with one-line errors naming file, line and column. */
package org.poolact.cli.input;
