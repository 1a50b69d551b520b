package org.poolact.lab.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.poolact.lab.report.JsonReport;
import org.poolact.lab.report.TextReport;

/** A wrong declaration is caught twice (property check, probes) and shown in every output, never hidden. */
class AnalysisErrorsTest {
    @Test
    void aWronglyDeclaredActivationIsReportedAsAnError() {
        EngineActivation gelu = EngineActivation.parse("gelu");
        OrderProperties wrong = new OrderProperties(true, false, false, Double.NaN, 0, false, false, "wrong on purpose");
        CustomActivation liar = new CustomActivation("gelu-declared-monotone", gelu::applyAsFloat, gelu::apply, wrong, 9);
        GridSpec grid = new GridSpec(List.of(new Row(liar, null)), List.of(PoolConfig.max(2, 2, 0, false)));
        Analysis.Result r = Analysis.run(grid, new Analysis.Settings(0, 2_000, false));
        Cell cell = r.cells().get(0);
        // The rule trusts the declaration and says identical; the engine disagrees and says so.
        assertEquals(Verdict.Kind.IDENTICAL, cell.verdict().kind());
        assertTrue(cell.probes().failures() > 0);
        assertTrue(r.errors().stream().anyMatch(e -> e.contains("declared non-decreasing, but f(")), r.errors().toString());
        assertTrue(r.errors().stream().anyMatch(e -> e.contains("the rule says identical, but")), r.errors().toString());
        String text = TextReport.render(r, false);
        assertTrue(text.contains("ERRORS (" + r.errors().size() + ")"), text);
        assertTrue(JsonReport.write(r).contains("the rule says identical, but"));
    }
}
