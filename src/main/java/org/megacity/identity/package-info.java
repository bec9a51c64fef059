/**
 * Who may do what: accounts, roles and the separation of the three administrators, jurisdictions,
 * authentication (sessions and API tokens), and the protection of personal data (field encryption
 * and masking).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and security")
package org.megacity.identity;
