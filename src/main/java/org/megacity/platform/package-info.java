/**
 * The shared kernel every module may use: the data directory and its secrets, the command-line
 * entry point and its commands, and the shape of API errors (RFC 9457 problem details).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform kernel")
package org.megacity.platform;
