/**
 * What the worker's two Spring Batch jobs, imports and reports, share: the run of one
 * row's job under the once-in-effect rules of {@code domain.work}, and their steps of one
 * tasklet each. Plain Batch glue with no feature of its own, so that the two jobs differ
 * only where their work does.
 */
package org.parley.ingest.batch;
