package org.megacity.identity;

/** Who is behind the current request or task. */
public interface CurrentActor {

    /**
     * The authenticated account of the current request; {@link Actor#SYSTEM} outside a request
     * (scheduled work, command-line operations). Anonymous requests get an actor with no roles and
     * {@link Jurisdiction#NONE}.
     */
    Actor get();
}
