package dev.gatehouse.selfservice.strategy.code;

import dev.gatehouse.selfservice.Flow;
import dev.gatehouse.selfservice.FlowState;
import dev.gatehouse.selfservice.Submission;

/** What the code method's classes share: their place among a flow's methods (after the password), and when a code is typed. */
final class CodeMethods {

    static final int ORDER = 200;

    private CodeMethods() {
    }

    /** Whether the submission carries a code for a flow that sent one (recovery and verification take it whatever the method). */
    static boolean codeTyped(Flow flow, Submission submission) {
        return submission.field("code").isPresent() && flow.state() == FlowState.SENT_EMAIL;
    }
}
