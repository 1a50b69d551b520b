/**
 * The paired study of the two block orders: the grid runner that resumes after a kill
 * ({@link org.poolact.lab.study.Study}), the atomically appended {@code results.jsonl}
 * ({@link org.poolact.lab.study.ResultsFile}), the per-cell summary with paired 95% t intervals and a
 * verdict on the post's claims ({@link org.poolact.lab.study.Summary}, {@link org.poolact.lab.study.StudentT})
 * and the self-contained HTML report ({@link org.poolact.lab.study.StudyReport}). See docs/train.md.
 */
package org.poolact.lab.study;
