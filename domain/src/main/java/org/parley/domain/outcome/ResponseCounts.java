package org.parley.domain.outcome;

import java.util.Map;

/**
 * How far the answers are: "Responses published: {@code answered} of {@code answerable}".
 *
 * @param answerable published top-level comments (replies are conversation, not
 * submissions, and are not counted)
 * @param answered those of them with an answer
 * @param decided those answered with a final status ({@link ResponseStatus#isFinal()})
 * @param byStatus answered comments per status, every status present
 */
public record ResponseCounts(int answerable, int answered, int decided, Map<ResponseStatus, Integer> byStatus) {

}
