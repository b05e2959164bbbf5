package org.parley.domain.invitation;

/**
 * One entry of an invitation list as written.
 *
 * @param line the entry's line in the list (1-based, header and blank lines counted)
 * @param name the name given after the address, or null
 */
public record Invitee(int line, String email, String name) {

}
