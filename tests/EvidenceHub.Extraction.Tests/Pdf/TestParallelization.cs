// MSTest's recommended analysis asks every test assembly to choose; the extraction tests share no state.
[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
