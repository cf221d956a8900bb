// Windows are the namespaces of keyed state and timers: checkpoint acknowledgements, stored
// checkpoints and restores carry them, and they must come back as the window classes. Their
// msgpackr extensions are registered on import, so every module that decodes state imports
// this one, also in a process that never loads a job (a JobManager).
import '../windowing/windows/global-window.ts';
import '../windowing/windows/time-window.ts';
