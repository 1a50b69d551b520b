/**
 * Output forms of an analysis: terminal text, JSON, CSV, Markdown, and a self-contained HTML page
 * (inline CSS and SVG, no script, no network).
 */
package org.poolact.lab.report;
