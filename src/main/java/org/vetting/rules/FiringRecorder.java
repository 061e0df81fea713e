package org.vetting.rules;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;

/**
 * Records every rule activation of one session in firing order, and which flag each one raised.
 * One instance per evaluation: sessions are single-threaded.
 */
final class FiringRecorder {
    private final List<FiredRule> fired = new ArrayList<>();
    private String currentRule;

    final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            currentRule = event.getMatch().getRule().getName();
            fired.add(new FiredRule(fired.size() + 1, currentRule, null));
        }
    };

    final DefaultRuleRuntimeEventListener runtime = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getObject() instanceof Flag flag && !fired.isEmpty()) {
                int last = fired.size() - 1;
                FiredRule f = fired.get(last);
                fired.set(last, new FiredRule(f.sequence(), f.rule(), flag.code()));
            }
        }
    };

    List<FiredRule> fired() {
        return List.copyOf(fired);
    }
}
