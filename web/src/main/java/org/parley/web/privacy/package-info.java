/**
 * A participant's own data (GDPR articles 15, 17 and 20): everything they wrote and
 * voted, as JSON and CSV, and the erasure of their account, after which their comments
 * show as "a former participant" and their votes stay counted, linked to nobody.
 */
package org.parley.web.privacy;
