/**
 * The one mail pipeline of every kind of mail: the SMTP connections of each lane, the
 * composer (Thymeleaf templates and texts per kind and language), the one refusal policy
 * and backoff, the reserved shares of the sending rate, and the choice of a mail's
 * language. The kinds (invitations, sign-in links, notifications) differ only in what
 * they say and in their ledger (ADR 0025).
 */
package org.parley.invite.mail;
