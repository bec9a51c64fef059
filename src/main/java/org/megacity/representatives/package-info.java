/**
 * Representatives: the registry of deputies (contact data sealed), liaison stations with their duty
 * rota and grassroots legislative contact points; deputies' suggestions, criticisms and opinions
 * (建议、批评和意见) handled on the statutory deadlines of Chongqing's regulation, counted on the
 * working calendar, with reminders, an overdue list and a public handling report per unit; deputies'
 * referrals of constituents' problems into cases.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Representatives")
package org.megacity.representatives;
