/**
 * Reading discussions and their outline, for the API and the pages. A draft or private
 * discussion is shown only to those allowed to see it; anyone else gets a plain 404.
 */
package org.parley.web.discussion;
