/**
 * Mails the magic sign-in links the web creates: one short message per link, sent once
 * however often the broker delivers its request, never for a link that was used or has
 * expired.
 */
package org.parley.invite.signin;
