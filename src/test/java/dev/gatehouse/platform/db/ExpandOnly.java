package dev.gatehouse.platform.db;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.comment.Comment;
import net.sf.jsqlparser.statement.create.function.CreateFunction;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.update.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a migration only expands the schema, so that the previous release's code still runs on the schema it
 * leaves (docs/operations.md#upgrades). The migration is parsed as PostgreSQL runs it (JSqlParser) and every
 * statement must be one that adds: a table, a nullable column or one with a default, an index, a constraint, a
 * sequence, a new function or view, a grant, a comment, rows (INSERT, UPDATE to fill a new column); and of
 * {@code ALTER COLUMN} only {@code SET DEFAULT} and {@code DROP NOT NULL}, which loosen. Anything else, and anything
 * the parser does not understand (a {@code DO} block, {@code REVOKE}, a type change), belongs in a contract
 * migration of a later release.
 */
final class ExpandOnly {

    private static final Pattern LOOSENING_ALTER_COLUMN =
            Pattern.compile("ALTER (COLUMN )?\\S+ (SET DEFAULT .+|DROP NOT NULL)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private ExpandOnly() {
    }

    /** What in {@code sql} (placeholders already replaced) does not only expand the schema; empty when nothing. */
    static List<String> violations(String sql) {
        List<Statement> statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql).stream().toList();
        } catch (JSQLParserException e) {
            return List.of("cannot be checked, the parser stops at: " + firstLine(e));
        }
        List<String> found = new ArrayList<>();
        for (Statement s : statements) {
            String why = refusal(s);
            if (why != null) {
                found.add(why + ": " + oneLine(s.toString()));
            }
        }
        return found;
    }

    /** Why a statement is not an expansion, or null when it is one. */
    private static String refusal(Statement s) {
        if (s instanceof CreateTable || s instanceof CreateIndex || s instanceof CreateSequence || s instanceof Insert
                || s instanceof Update || s instanceof Grant || s instanceof Comment) {
            return null;
        }
        if (s instanceof CreateView v) {
            return v.isOrReplace() ? "replaces a view the previous release reads" : null;
        }
        if (s instanceof CreateFunction f) {
            // the parser keeps OR REPLACE only in the statement's text
            return oneLine(f.toString()).toUpperCase(Locale.ROOT).startsWith("CREATE OR REPLACE ") ? "replaces a function the previous release calls" : null;
        }
        if (s instanceof Alter a) {
            return alterRefusal(a);
        }
        return "removes, renames or changes what the previous release uses (or cannot be checked)";
    }

    private static String alterRefusal(Alter alter) {
        for (AlterExpression e : alter.getAlterExpressions()) {
            AlterOperation op = e.getOperation();
            if (op == AlterOperation.ADD) {
                if (e.getColDataTypeList() != null) {
                    for (ColumnDefinition column : e.getColDataTypeList()) {
                        if (requiredWithoutDefault(column)) {
                            return "adds a NOT NULL column without a default, which the previous release's inserts leave out";
                        }
                    }
                }
            } else if (op == AlterOperation.ALTER) {
                if (!LOOSENING_ALTER_COLUMN.matcher(oneLine(e.toString())).matches()) {
                    return "changes a column the previous release uses (type, NOT NULL or default)";
                }
            } else if (op == AlterOperation.DROP) {
                return "drops what the previous release may use";
            } else {
                return op.name().startsWith("RENAME") ? "renames what the previous release uses by name"
                        : "changes a table in a way the check does not know to be safe (" + op + ")";
            }
        }
        return null;
    }

    private static boolean requiredWithoutDefault(ColumnDefinition column) {
        String specs = column.getColumnSpecs() == null ? "" : " " + String.join(" ", column.getColumnSpecs()).toUpperCase(Locale.ROOT) + " ";
        boolean required = specs.contains(" NOT NULL ") || specs.contains(" PRIMARY KEY ");
        boolean filled = specs.contains(" DEFAULT ") || specs.contains(" GENERATED ");
        return required && !filled;
    }

    private static String firstLine(JSQLParserException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return oneLine(String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
