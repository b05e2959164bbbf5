/**
 * The accessibility statement ({@code /accessibility}) and the barrier reports people
 * send from it, which the organisers read.
 */
package org.parley.web.accessibility;
