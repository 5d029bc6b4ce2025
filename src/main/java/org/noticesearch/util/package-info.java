/**
 * Small helpers every package may use (hashing, HTML escaping): this package imports nothing else of the project,
 * so config, ingest, index, search and web can all depend on it without any arrow pointing back up the flow.
 */
package org.noticesearch.util;
