package org.parley.domain.messaging;

import java.util.UUID;

/**
 * An import moved on. It only says which import; the database holds what it now looks
 * like, so a lost or late event costs a refresh, never a wrong picture.
 */
public record ImportProgressed(UUID importId) {

}
