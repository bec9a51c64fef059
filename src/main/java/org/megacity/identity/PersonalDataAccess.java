package org.megacity.identity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who sees personal data in clear (the Personal Information Protection Law's "minimum necessary"):
 * only the roles whose work needs the value, everyone else sees it masked. The administrators run
 * the system and never see citizens' data in clear; no role sees ID numbers in clear by default.
 * A module still checks the jurisdiction (the case or opinion must be within the actor's reach)
 * before presenting anything, and may show data subjects their own values in clear.
 *
 * <table>
 * <caption>Roles that see each kind in clear</caption>
 * <tr><th>kind</th><th>roles</th></tr>
 * <tr><td>name</td><td>hotline operator, department handler, dispatcher, supervisor, legislative staff, contact-point staff</td></tr>
 * <tr><td>phone</td><td>hotline operator, department handler, dispatcher</td></tr>
 * <tr><td>email</td><td>hotline operator, department handler, legislative staff, contact-point staff</td></tr>
 * <tr><td>ID number</td><td>none</td></tr>
 * </table>
 */
public final class PersonalDataAccess {

    private static final Map<PersonalDataKind, Set<Role>> CLEAR = Map.of(
            PersonalDataKind.NAME, EnumSet.of(Role.HOTLINE_OPERATOR, Role.DEPARTMENT_HANDLER, Role.DISPATCHER,
                    Role.SUPERVISOR, Role.LEGISLATIVE_STAFF, Role.CONTACT_POINT_STAFF),
            PersonalDataKind.PHONE, EnumSet.of(Role.HOTLINE_OPERATOR, Role.DEPARTMENT_HANDLER, Role.DISPATCHER),
            PersonalDataKind.EMAIL, EnumSet.of(Role.HOTLINE_OPERATOR, Role.DEPARTMENT_HANDLER, Role.LEGISLATIVE_STAFF,
                    Role.CONTACT_POINT_STAFF),
            PersonalDataKind.ID_NUMBER, EnumSet.noneOf(Role.class));

    private PersonalDataAccess() {
    }

    /** Whether the actor may see values of this kind in clear. */
    public static boolean seesClear(Actor actor, PersonalDataKind kind) {
        for (Role role : actor.roles()) {
            if (CLEAR.get(kind).contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The value as the actor may see it: in clear, or masked. */
    public static String present(Actor actor, PersonalDataKind kind, String value) {
        return seesClear(actor, kind) ? value : kind.mask(value);
    }
}
